package dev.openedx.eventbus.redis;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;

/**
 * A working connection factory whose native connection is not Lettuce's, as with Jedis (not on this class path).
 */
final class NonLettuceConnectionFactory implements RedisConnectionFactory {

	private final RedisConnectionFactory delegate;

	NonLettuceConnectionFactory(RedisConnectionFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public RedisConnection getConnection() {
		RedisConnection connection = this.delegate.getConnection();
		return (RedisConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { RedisConnection.class }, (proxy, method, args) -> {
					if (method.getName().equals("getNativeConnection")) {
						return "redis.clients.jedis.Jedis";
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public RedisClusterConnection getClusterConnection() {
		return this.delegate.getClusterConnection();
	}

	@Override
	public boolean getConvertPipelineAndTxResults() {
		return this.delegate.getConvertPipelineAndTxResults();
	}

	@Override
	public RedisSentinelConnection getSentinelConnection() {
		return this.delegate.getSentinelConnection();
	}

	@Override
	public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		return this.delegate.translateExceptionIfPossible(ex);
	}

}
